import json
def load(text):
    try:
        return json.loads(text)
    except json.JSONDecodeError as e:
        raise RuntimeError("config is broken") from e
print(load('{"a": 1}'))
load("{oops}")
