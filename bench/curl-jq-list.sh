#!/bin/sh
# Peer for `cmlsh call listProjects --all`: what a shell user writes without cmlsh, a curl +
# jq loop over the pages, one line of JSON per project. Usage: curl-jq-list.sh URL TOKEN SIZE
set -eu
url=$1 token=$2 size=$3
page=$(mktemp)
trap 'rm -f "$page"' EXIT
next=''
while :; do
  curl -sf -H "Authorization: Bearer $token" -o "$page" \
    "$url/api/v2/projects?page_size=$size${next:+&page_token=$next}"
  jq -c '.projects[]' "$page"
  next=$(jq -r '.next_page_token // ""' "$page")
  [ -n "$next" ] || break
done
