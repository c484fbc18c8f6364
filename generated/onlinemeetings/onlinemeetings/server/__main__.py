"""``python -m onlinemeetings.server [--mock] [--host HOST] [--port PORT]``: serve with uvicorn."""

from __future__ import annotations

import argparse

import uvicorn

from onlinemeetings.server.app import create_app


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m onlinemeetings.server")
    parser.add_argument(
        "--mock", action="store_true", help="answer documented examples"
    )
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8000)
    args = parser.parse_args()
    uvicorn.run(create_app(mock=args.mock), host=args.host, port=args.port)


if __name__ == "__main__":
    main()
