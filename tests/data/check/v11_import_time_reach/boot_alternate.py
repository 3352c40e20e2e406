from envs import Deployment

defaults = Deployment.for_deployment()
defaults.apply()
