#!/usr/bin/env python3
# smtp_sink.py: a real SMTP server on 127.0.0.1 for the mail tests (aiosmtpd), storing what it receives.
# Book: docs/13-sessions-and-auth.md ("Sending mail").
#
# Usage: smtp_sink.py --dir DIR [--port 0] [--port-file PATH] [--auth USER:PASSWORD] [--login-only]
#                     [--cert PEM --key PEM [--implicit-tls]]
#
# Prints "PORT <n>" (and writes <n> to --port-file, atomically) once it listens (port 0 picks a
# free one), then serves until killed or until
# its standard input closes, so it never outlives the test that started it. Each accepted message
# is written to DIR as <n>.eml (the bytes after DATA, dot-unstuffed) and <n>.json (the envelope:
# mail_from, rcpt_tos, login), the .json last, so a reader that sees it finds both complete.
import argparse
import asyncio
import json
import os
import socket
import ssl
import sys

try:
    from aiosmtpd.smtp import SMTP, AuthResult, LoginPassword
except ImportError:
    sys.stderr.write("smtp_sink.py needs aiosmtpd: python3 -m pip install aiosmtpd (scripts/install-deps.sh does it)\n")
    sys.exit(3)


class Sink:
    """Writes each message and its envelope into a directory."""

    def __init__(self, directory):
        self.directory = directory
        self.count = 0

    async def handle_DATA(self, server, session, envelope):
        self.count += 1
        base = os.path.join(self.directory, str(self.count))
        with open(base + ".eml", "wb") as f:
            f.write(envelope.original_content or envelope.content)
        login = session.auth_data if session.authenticated else None
        meta = {"mail_from": envelope.mail_from, "rcpt_tos": envelope.rcpt_tos, "login": login}
        with open(base + ".json.tmp", "w") as f:
            json.dump(meta, f)
        os.rename(base + ".json.tmp", base + ".json")
        return "250 Message accepted for delivery"


def authenticator(user, password):
    def check(server, session, envelope, mechanism, auth_data):
        ok = (
            isinstance(auth_data, LoginPassword)
            and auth_data.login == user.encode()
            and auth_data.password == password.encode()
        )
        return AuthResult(success=ok, handled=False, auth_data=user if ok else None)

    return check


async def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--dir", required=True)
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--port-file", help="where to write the port once listening")
    parser.add_argument("--auth", help="USER:PASSWORD required before MAIL")
    parser.add_argument("--login-only", action="store_true", help="offer AUTH LOGIN but not PLAIN")
    parser.add_argument("--cert")
    parser.add_argument("--key")
    parser.add_argument("--implicit-tls", action="store_true", help="TLS from the first byte (smtps)")
    args = parser.parse_args()

    context = None
    if args.cert:
        context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        context.load_cert_chain(args.cert, args.key)

    options = {"hostname": "sink.test", "data_size_limit": 1 << 20}
    if args.auth:
        user, password = args.auth.split(":", 1)
        options.update(
            authenticator=authenticator(user, password), auth_required=True, auth_require_tls=False
        )
        if args.login_only:
            options["auth_exclude_mechanism"] = ["PLAIN"]
    if context and not args.implicit_tls:
        options.update(tls_context=context, require_starttls=True)

    handler = Sink(args.dir)
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", args.port))
    loop = asyncio.get_running_loop()
    server = await loop.create_server(
        lambda: SMTP(handler, loop=loop, **options),
        sock=sock,
        ssl=context if args.implicit_tls else None,
    )
    port = sock.getsockname()[1]
    if args.port_file:
        with open(args.port_file + ".tmp", "w") as f:
            f.write(str(port))
        os.rename(args.port_file + ".tmp", args.port_file)
    print("PORT", port, flush=True)

    # Stop when the parent goes away (its end of our standard input closes).
    stdin_closed = loop.create_future()

    def on_stdin():
        if not sys.stdin.buffer.read1(4096):
            loop.remove_reader(sys.stdin.fileno())
            if not stdin_closed.done():
                stdin_closed.set_result(None)

    loop.add_reader(sys.stdin.fileno(), on_stdin)
    async with server:
        await stdin_closed


if __name__ == "__main__":
    try:
        asyncio.run(main())
    except KeyboardInterrupt:
        pass
