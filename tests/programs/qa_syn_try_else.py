# a realistic script with a try/else/finally that forgot its except clause
def load_config(text):
    config = {}
    for lineno, line in enumerate(text.splitlines(), 1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        key, sep, value = line.partition("=")
        if not sep:
            raise ValueError(f"line {lineno}: missing '='")
        config[key.strip()] = value.strip()
    return config

def safe_load(text):
    try:
        cfg = load_config(text)
    else:
        print("loaded", len(cfg), "keys")
    finally:
        print("done parsing")
    return cfg

print(safe_load("a = 1\nb = 2\n# comment\n"))
