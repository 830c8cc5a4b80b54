BASE = "base"
_hidden = "hidden"
visible = "visible"
