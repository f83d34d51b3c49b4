#!/usr/bin/env bash
# Points every citation of the two reference files that lived outside the repository (aws-behaviour[.]md and
# clients[.]md) at the repository's own fact sheet, docs/aws-facts.md, keeping the quoted section names; each is a
# heading or a bold fact name there:
#   aws-behaviour[.]md, "<name>"  ->  docs/aws-facts.md, "<name>"
#   clients[.]md                  ->  docs/aws-facts.md, "Clients"
# Two citations need more than the file name:
#   - the unquoted form `aws-behaviour[.]md, CloudWatch OTLP endpoints` (inside JS strings in
#     src/infra/proxy/integration-policy.ts) gets its name quoted as \"...\", so the citation test can read it;
#   - the name "API Gateway REST API with AWS service integrations" becomes "AWS service integrations" (the fact
#     sheet's heading that holds the integration role's trust, **Credentials role**).
# Usage: __tests__/docs/rewrite-citations.sh [--dry-run] [ROOT]
#   ROOT defaults to the repository holding this script; a plain copy without .git works too. Only files that cite one
#   of the two old names are touched, never the fact sheet or this folder. Then run: npx jest __tests__/docs
set -euo pipefail

dry_run=false
if [[ "${1:-}" == "--dry-run" ]]; then dry_run=true; shift; fi
root="${1:-$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)}"
cd "$root"

# The old names, written so that this script does not cite them itself.
old_aws='aws-behaviour[.]md'
old_clients='clients[.]md'

if git rev-parse --is-inside-work-tree >/dev/null 2>&1 && [[ -e .git ]]; then
  list_files() { git ls-files; }
else
  list_files() { find . -type f -not -path './.git/*' -not -path './node_modules/*' | sed 's#^\./##'; }
fi

mapfile -t files < <(
  list_files |
    grep -Ev '^(docs/aws-facts\.md|__tests__/docs/|node_modules/|package-lock\.json$)' |
    grep -E '(\.(ts|js|md|tf|json|py|sh)|(^|/)help)$' |
    while IFS= read -r f; do [[ -f "$f" ]] && grep -lE "$old_aws|$old_clients" -- "$f" || true; done
)

before=0
for f in "${files[@]}"; do
  n=$(grep -oE "(^|[^A-Za-z0-9_./-])($old_aws|$old_clients)" -- "$f" | wc -l)
  before=$((before + n))
  echo "$f: $n citation(s)"
done
echo "${#files[@]} file(s), $before citation(s)"
$dry_run && exit 0
[[ ${#files[@]} -eq 0 ]] && exit 0

sed -i -E \
  -e "s#(^|[^A-Za-z0-9_./-])$old_aws, CloudWatch OTLP endpoints#\1docs/aws-facts.md, \\\\\"CloudWatch OTLP endpoints\\\\\"#g" \
  -e "s#(^|[^A-Za-z0-9_./-])($old_aws,? ?)\"API Gateway REST API with AWS service integrations\"#\1\2\"AWS service integrations\"#g" \
  -e "s#(^|[^A-Za-z0-9_./-])$old_aws#\1docs/aws-facts.md#g" \
  -e "s#(^|[^A-Za-z0-9_./-])$old_clients#\1docs/aws-facts.md, \"Clients\"#g" \
  -- "${files[@]}"

left=$(grep -lE "(^|[^A-Za-z0-9_./-])($old_aws|$old_clients)" -- "${files[@]}" || true)
if [[ -n "$left" ]]; then
  echo "still citing an old name:" >&2
  echo "$left" >&2
  exit 1
fi
echo "rewritten"
