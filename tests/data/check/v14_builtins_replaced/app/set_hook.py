from app.hooks import install_set

install_set()
