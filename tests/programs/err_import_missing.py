# Ends with ModuleNotFoundError for a module that does not exist.
import sys
print("python", sys.version_info[0])
print("helper modules load fine:")
import helpermod_state
print(helpermod_state.add(1))
import module_that_does_not_exist_anywhere
