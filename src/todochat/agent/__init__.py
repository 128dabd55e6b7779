"""The agent: instructions, tools over TodoService, the models it can run on.

Nothing is imported here: the agent library loads only when a turn needs it
(``todochat.preload``), so ``from todochat.agent.context import …`` stays light.
"""
