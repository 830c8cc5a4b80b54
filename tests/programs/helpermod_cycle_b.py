# Helper: other half of an import cycle (not a test program).
import helpermod_cycle_a
B_VALUE = "b"
def partial_a():
    return hasattr(helpermod_cycle_a, "A_VALUE")
EARLY_SAW_A = hasattr(helpermod_cycle_a, "A_VALUE")
