import math

import pytest

from knutepunkt.geo.models import Municipality
from knutepunkt.geo.svgmap import MapArea, build_paths, project, render_svg, simplify


def test_projection_keeps_north_up_and_east_right():
    oslo, tromso, bergen = project(10.75, 59.91), project(18.96, 69.65), project(5.32, 60.39)
    assert tromso[1] > oslo[1] > 0
    assert tromso[0] > oslo[0] > bergen[0]
    assert project(15.0, 65.0)[0] == pytest.approx(0.0)


def test_projection_distances_are_roughly_true():
    # Oslo–Bergen is about 305 km on the ground; the sphere has radius 6371 km.
    (x1, y1), (x2, y2) = project(10.75, 59.91), project(5.32, 60.39)
    assert math.dist((x1, y1), (x2, y2)) * 6371 == pytest.approx(305, rel=0.03)


def test_simplify_drops_points_on_a_straight_line_and_keeps_corners():
    line = [(0, 0), (1, 0.01), (2, 0), (3, 0), (3, 5)]
    assert simplify(line, 0.1) == [(0, 0), (3, 0), (3, 5)]
    assert simplify(line, 0.001) == line


def test_tiny_islands_still_get_a_path():
    square = {"type": "Polygon", "coordinates": [[[0, 0], [10, 0], [10, 10], [0, 10], [0, 0]]]}
    speck = {"type": "Polygon", "coordinates": [[[5, 5], [5.001, 5], [5.001, 5.001], [5, 5]]]}
    projected = build_paths([("big", square), ("tiny", speck)], width=100)
    assert projected.paths["big"].startswith("M") and projected.paths["big"].endswith("z")
    assert projected.paths["tiny"]


def test_render_escapes_labels_and_links():
    square = {"type": "Polygon", "coordinates": [[[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]]]}
    svg = render_svg(
        build_paths([("1", square)], width=100),
        [MapArea(key="1", href='/k/"1"/', label="<Å&Ø>", css_class="m-none")],
        label="Kart",
    )
    assert 'aria-label="&lt;Å&amp;Ø&gt;"' in svg
    assert 'href="/k/&quot;1&quot;/"' in svg
    assert "<Å" not in svg


@pytest.mark.django_db
def test_norway_looks_like_norway():
    outlines = Municipality.objects.current().values_list("number", "outline")
    projected = build_paths(outlines)
    assert len(projected.paths) == 357
    # Taller than wide, as on any map of Norway in UTM 33.
    assert 1.1 < projected.height / projected.width < 1.4
    total = sum(len(d) for d in projected.paths.values())
    assert total < 150_000
