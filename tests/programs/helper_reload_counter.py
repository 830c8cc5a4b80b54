# Helper for lang_importlib (not a test program): module state that reload() resets.
loads = []
counter = 0


def bump():
    global counter
    counter += 1
    return counter


loads.append(__name__)
print("helper_reload_counter executed as", __name__)
