{
  "targets": [
    {
      "target_name": "strongroom_native",
      "sources": ["src/native.c"],
      "cflags": ["-O2", "-Wall", "-Wextra"]
    }
  ]
}
