"""The phone's map never traps the page's scroll (issue 15): Leaflet's one-finger
dragging and wheel zoom are off, two-finger pinch stays on, in the HTML the phone gets."""

from cantiere import mapkit


def test_one_finger_scrolls_the_page_two_fingers_move_the_map():
    html = mapkit.one_finger_scrolls(mapkit.base_map("offline")).get_root().render()
    assert '"dragging": false' in html
    assert '"scrollWheelZoom": false' in html
    assert '"touchZoom": true' in html


def test_other_maps_keep_dragging():
    assert '"dragging": false' not in mapkit.base_map("offline").get_root().render()
