"""Django project package of the example Thor backend."""
