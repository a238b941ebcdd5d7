config = {
    "paths": ["resources/views"],
    "compiled": "storage/framework/views",
}
