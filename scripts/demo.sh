#!/usr/bin/env bash
# demo.sh: a whole client session against a running PDS, with curl only.
# Book: docs/03-running.md ("The demo script").
#
#   PDS_URL=http://127.0.0.1:3000 PDS_ADMIN_PASSWORD=... scripts/demo.sh
#
# Mints an invite (admin), registers a fresh account, logs in, posts, reads the post back, uploads
# an image, refreshes the session and logs out. Exits non-zero on the first failure.
set -euo pipefail

URL="${PDS_URL:-http://127.0.0.1:3000}"
ADMIN="${PDS_ADMIN_PASSWORD:?set PDS_ADMIN_PASSWORD to the admin password of the server}"
DOMAIN="${PDS_HANDLE_DOMAIN:-.test}"
HANDLE="d$(date +%s | tail -c 7)$RANDOM${DOMAIN}"  # the first label may have 3-18 characters
PASSWORD="demo-password-$RANDOM"

fail() { echo "demo: FAIL: $*" >&2; exit 1; }
# json FIELD: prints a top-level string field of the JSON on stdin (no jq needed).
json() { python3 -c 'import json,sys; v=json.load(sys.stdin); print(v[sys.argv[1]] if not isinstance(v[sys.argv[1]], (dict,list)) else json.dumps(v[sys.argv[1]]))' "$1"; }
# call METHOD NSID [curl args...]: prints the body; fails on a non-2xx status.
call() {
    local method=$1 nsid=$2; shift 2
    local out status
    out=$(curl -sS -w '\n%{http_code}' -X "$method" "$URL/xrpc/$nsid" "$@") || fail "$nsid: curl failed"
    status=${out##*$'\n'}
    body=${out%$'\n'*}
    [[ $status == 2* ]] || fail "$nsid: HTTP $status: $body"
    printf '%s' "$body"
}

echo "demo: server $URL"
call GET _health >/dev/null

invite=$(call POST com.atproto.server.createInviteCode -u "admin:$ADMIN" \
    -H 'content-type: application/json' -d '{"useCount":1}' | json code)
echo "demo: invite $invite"

account=$(call POST com.atproto.server.createAccount -H 'content-type: application/json' \
    -d "{\"handle\":\"$HANDLE\",\"email\":\"$HANDLE@example.com\",\"password\":\"$PASSWORD\",\"inviteCode\":\"$invite\"}")
did=$(json did <<<"$account")
echo "demo: registered $HANDLE as $did"

session=$(call POST com.atproto.server.createSession -H 'content-type: application/json' \
    -d "{\"identifier\":\"$HANDLE\",\"password\":\"$PASSWORD\"}")
access=$(json accessJwt <<<"$session")
refresh=$(json refreshJwt <<<"$session")
[[ $(call GET com.atproto.server.getSession -H "authorization: Bearer $access" | json did) == "$did" ]] \
    || fail "getSession names another DID"
echo "demo: logged in"

now=$(date -u +%Y-%m-%dT%H:%M:%S.000Z)
created=$(call POST com.atproto.repo.createRecord -H "authorization: Bearer $access" -H 'content-type: application/json' \
    -d "{\"repo\":\"$did\",\"collection\":\"app.bsky.feed.post\",\"record\":{\"\$type\":\"app.bsky.feed.post\",\"text\":\"hello from demo.sh\",\"createdAt\":\"$now\"}}")
uri=$(json uri <<<"$created")
rkey=${uri##*/}
echo "demo: posted $uri"

text=$(call GET "com.atproto.repo.getRecord?repo=$did&collection=app.bsky.feed.post&rkey=$rkey" | json value | json text)
[[ $text == "hello from demo.sh" ]] || fail "read back '$text'"
echo "demo: read it back"

# A 1x1 PNG.
png=$(mktemp)
trap 'rm -f "$png"' EXIT
echo 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR4nGP4DwAAAQEABRjYTgAAAABJRU5ErkJggg==' | base64 -d >"$png"
blob=$(call POST com.atproto.repo.uploadBlob -H "authorization: Bearer $access" -H 'content-type: image/png' \
    --data-binary "@$png" | json blob)
[[ $(json mimeType <<<"$blob") == image/png ]] || fail "uploaded blob is $(json mimeType <<<"$blob")"
echo "demo: uploaded an image"

refreshed=$(call POST com.atproto.server.refreshSession -H "authorization: Bearer $refresh")
access=$(json accessJwt <<<"$refreshed")
refresh=$(json refreshJwt <<<"$refreshed")
call GET com.atproto.server.getSession -H "authorization: Bearer $access" >/dev/null
echo "demo: refreshed the session"

call POST com.atproto.server.deleteSession -H "authorization: Bearer $refresh" >/dev/null
code=$(curl -s -o /dev/null -w '%{http_code}' -X POST "$URL/xrpc/com.atproto.server.refreshSession" \
    -H "authorization: Bearer $refresh")
[[ $code == 400 || $code == 401 ]] || fail "a deleted session still refreshes (HTTP $code)"
echo "demo: logged out"
echo "demo: OK"
