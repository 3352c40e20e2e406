# Code without any guard is TG001 (so apply fixes it), even when it starts with a construct the verifier does not model.
# expect: save TG001
# expect: Worker.run TG001
import threading

from django.db import transaction


def save(instance):
    with transaction.atomic():
        instance.save()


class Worker:
    def run(self):
        for item in self.items:
            threading.Thread(target=item).start()
