# Helper module that fails while importing (not a test program).
LOADED_BEFORE_ERROR = True
raise ImportError("helpermod_raises refuses to load")
