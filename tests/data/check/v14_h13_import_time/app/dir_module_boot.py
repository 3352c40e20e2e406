from app import lazy

dir(lazy)
