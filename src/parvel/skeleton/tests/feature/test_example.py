"""A first feature test: the home page answers."""

from parvel.testing import TestClient


async def test_the_application_returns_a_successful_response(client: TestClient) -> None:
    response = await client.get("/")
    response.assert_ok()


async def test_the_health_route_answers(client: TestClient) -> None:
    (await client.get("/up")).assert_ok()
