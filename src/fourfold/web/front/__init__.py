"""Front: the base layout, the home page and the registry of areas a user may use."""
