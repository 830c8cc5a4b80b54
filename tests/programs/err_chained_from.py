# Ends with an uncaught exception raised `from` another; last line is the outer one.
class ConfigError(Exception):
    pass
settings = {"port": "8080", "host": "localhost", "timeout": "soon"}
def get_int(key):
    try:
        return int(settings[key])
    except ValueError as e:
        raise ConfigError(f"setting {key!r} is not an integer") from e
print("port", get_int("port"))
print("timeout", get_int("timeout"))
