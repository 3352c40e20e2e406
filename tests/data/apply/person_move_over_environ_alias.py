import logging
import os

logger = logging.getLogger(__name__)
ENV = os.environ
SAME_ENV = ENV


def apply_profile(env, profile):
    env.update(profile)


def module_alias():
    # from now on, worker subprocesses we spawn must use the heartbeat
    ENV.update(THOR_SCHEDULER_MODE="heartbeat")
    if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
        logger.info("skip")
        return
    print("body")


def alias_chain():
    SAME_ENV["THOR_SCHEDULER_MODE"] = "heartbeat"
    if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
        logger.info("skip")
        return
    print("body")


def local_alias():
    env = os.environ
    env["THOR_SCHEDULER_MODE"] = "legacy"
    if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
        logger.info("skip")
        return
    print("body")


def handed_to_a_function():
    apply_profile(os.environ, {"THOR_SCHEDULER_MODE": "heartbeat"})
    if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
        logger.info("skip")
        return
    print("body")


def augmented_alias():
    ENV |= {"THOR_SCHEDULER_MODE": "legacy"}
    if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
        logger.info("skip")
        return
    print("body")


class Worker:
    def __init__(self):
        self.env = os.environ

    def start(self):
        self.env["THOR_SCHEDULER_MODE"] = "heartbeat"
        if os.environ.get("THOR_SCHEDULER_MODE", "heartbeat").lower() == "heartbeat":
            logger.info("skip")
            return
        print("body")
# case: targets=module_alias,alias_chain,local_alias,handed_to_a_function,augmented_alias,Worker.start; person=TG002
