from app.hooks import install_dict

install_dict()
