"""The one event a test sentence gives at a trigger word."""


def event_at(coder, text, trigger, **kwargs):
    """The single event whose trigger is `trigger` (fails if there is none or several)."""
    (event,) = [e for e in coder.code(text, **kwargs) if e.trigger.text == trigger]
    return event
