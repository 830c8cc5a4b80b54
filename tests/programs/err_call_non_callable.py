# Ends with TypeError: object is not callable.
handlers = {"start": lambda: "started", "stop": lambda: "stopped", "status": "running"}
for name in ["start", "stop", "status"]:
    h = handlers[name]
    print(name, "->", h())
