from app.hooks import install_list

install_list()
