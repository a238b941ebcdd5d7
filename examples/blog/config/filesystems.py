from parvel import env

config = {
    "default": env("FILESYSTEM_DISK", "local"),
    "disks": {
        "local": {"driver": "local", "root": "storage/app", "throw": False},
        "public": {
            "driver": "local",
            "root": "storage/app/public",
            "url": (env("APP_URL", "http://127.0.0.1:8000") or "") + "/storage",
            "visibility": "public",
        },
    },
}
