# A project module that happens to export a TYPE_CHECKING that is true.
TYPE_CHECKING = True
