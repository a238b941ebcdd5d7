"""Console tests: the blog's routes and migrations as `parvel` prints them."""

from __future__ import annotations

from typing import Any


async def test_route_list_shows_the_post_routes(artisan: Any) -> None:
    await (
        artisan("route:list", {"--name": "posts."})
        .expects_output_to_contain("posts.index")
        .doesnt_expect_output_to_contain("comments.store")
        .assert_successful()
    )


async def test_an_unknown_route_filter_fails(artisan: Any) -> None:
    await artisan("route:list", {"--name": "nope"}).assert_failed()
