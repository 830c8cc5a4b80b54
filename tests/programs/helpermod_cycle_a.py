# Helper: half of an import cycle (not a test program).
import helpermod_cycle_b
A_VALUE = "a"
def from_b():
    return helpermod_cycle_b.B_VALUE
