"""Session-state keys, defined once and namespaced by page."""

LANG = "app.lang"

# Workshops (issue 3). The participant's identity is in the URL (?code=…&p=…),
# not here, so a phone reload keeps it.
PARTECIPA_COMMENT_RESULT = "partecipa.comment_result"  # (kind, message) after sending a comment
FACILITAZIONE_ACTOR = "facilitazione.actor"  # workshop.Actor after a correct password
FACILITAZIONE_PICK_NEXT = "facilitazione.pick_next"  # workshop id to select on the next run
FACILITAZIONE_FLASH = "facilitazione.flash"  # (kind, message) shown once after an action
FACILITAZIONE_EDIT_FOR = "facilitazione.edit_for"  # workshop id whose edit form is filled in

# The live room (issue 13).
PARTECIPA_DEVICE = "partecipa.device"  # {workshop code: participant token} of this browser
PARTECIPA_JOINED = "partecipa.joined"  # the participant id this run created (no ballot to read yet)
PARTECIPA_MOVED = "partecipa.moved"  # message for the next full run (a vote sent to a closed round)
PARTECIPA_ROOM_MOVED = "partecipa.room_moved"  # the room moved: a toast on the next run
FACILITAZIONE_SESSION = "facilitazione.session"  # signed session to hand to the browser's cookie
FACILITAZIONE_LOGGED_OUT = "facilitazione.logged_out"  # ignore the session cookie sent at page load
FACILITAZIONE_CONFIRM_CLOSE = "facilitazione.confirm_close"  # workshop id whose closing awaits confirmation
