# Ends with an exception raised in a finally block replacing the original.
def process():
    try:
        print("working")
        raise ValueError("original problem")
    finally:
        print("cleaning up")
        raise OSError("cleanup failed")
process()
