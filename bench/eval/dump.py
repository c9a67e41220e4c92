#!/usr/bin/env python3
"""Print every finding of bplint on prepared corpus projects with its label.

dump.py --root R --bplint BIN [--project P ...] [--corpus C ...] [--labels L ...]
The scorer is ../shared/eval/score next to the repository, or $SCORE.
Output, tab-separated: project, file:line, rule, verdict (or UNJUDGED), class, message.
"""
import argparse, collections, importlib.machinery, importlib.util, os, sys
SCORE = os.environ.get('SCORE') or os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..', '..', 'shared', 'eval', 'score')
loader = importlib.machinery.SourceFileLoader('score', SCORE)
spec = importlib.util.spec_from_loader('score', loader)
score = importlib.util.module_from_spec(spec)
loader.exec_module(score)
ap = argparse.ArgumentParser()
ap.add_argument('--root', required=True)
ap.add_argument('--bplint', required=True)
ap.add_argument('--project', action='append')
ap.add_argument('--corpus', action='append')
ap.add_argument('--labels', action='append')
a = ap.parse_args()
labels = collections.defaultdict(dict)
for l in score.table('labels.tsv', a.labels):
    if l['verdict'] != 'miss':
        labels[l['project']][(l['file'], int(l['line']), l['rule'])] = l
for p in score.chosen(score.table('corpus.tsv', a.corpus), a.project):
    if not os.path.isdir(os.path.join(a.root, p['project'])):
        print(f"{p['project']}: not prepared", file=sys.stderr)
        continue
    rc, fs, errs = score.findings(a.bplint, p, a.root)
    if rc not in (0, 1):
        print(f"{p['project']}: exit {rc}: {' | '.join(errs[-3:])}", file=sys.stderr)
    for f in sorted(fs):
        l = labels[p['project']].get(f[:3])
        print('\t'.join([p['project'], f'{f[0]}:{f[1]}', f[2], l['verdict'] if l else 'UNJUDGED', l['class'] if l else '', f[3]]))
    sys.stdout.flush()
