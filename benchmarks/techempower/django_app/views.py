"""Async Django views using the ORM's async API and the Django template language."""

from __future__ import annotations

from benchmarks.techempower import common
from benchmarks.techempower.django_app.models import Fortune, World
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render


def _as_dict(world: World) -> dict[str, int]:
    return {"id": world.id, "randomNumber": world.randomnumber}


async def plaintext(request: HttpRequest) -> HttpResponse:
    return HttpResponse(common.HELLO, content_type="text/plain")


async def json(request: HttpRequest) -> HttpResponse:
    return JsonResponse({"message": common.HELLO})


async def single_query(request: HttpRequest) -> HttpResponse:
    world = await World.objects.aget(id=common.random_id())
    return JsonResponse(_as_dict(world))


async def queries(request: HttpRequest) -> HttpResponse:
    count = common.clamp_queries(request.GET.get("queries"))
    worlds = [await World.objects.aget(id=world_id) for world_id in common.random_ids(count)]
    return JsonResponse([_as_dict(world) for world in worlds], safe=False)


async def fortunes(request: HttpRequest) -> HttpResponse:
    rows = [fortune async for fortune in Fortune.objects.all()]
    rows.append(Fortune(id=0, message=common.ADDITIONAL_FORTUNE))
    rows.sort(key=lambda fortune: fortune.message)
    return render(request, "fortunes.html", {"fortunes": rows})


async def updates(request: HttpRequest) -> HttpResponse:
    count = common.clamp_queries(request.GET.get("queries"))
    worlds = []
    for world_id in sorted(common.random_ids(count)):
        world = await World.objects.aget(id=world_id)
        world.randomnumber = common.random_id()
        worlds.append(world)
    await World.objects.abulk_update(worlds, ["randomnumber"])
    return JsonResponse([_as_dict(world) for world in worlds], safe=False)
