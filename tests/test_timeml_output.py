"""`timeline timeml` writes valid TimeML: every output file parses, and no instance or link points at a
tag that is not in it (the input's EVENT, TIMEX3 and SIGNAL tags are replaced by our TIMEX3s)."""

from __future__ import annotations

import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

from tests.conftest import ROOT, shared_path
from transforms.timeml_links import POINTERS, without_dangling_links

ID_ATTRIBUTES = ("tid", "eid", "sid", "eiid", "lid")


def broken_references(path: Path) -> list[str]:
    """What is wrong with the TimeML file at `path`: ids defined twice, pointers to no element."""
    root = ET.parse(path).getroot()
    defined: list[str] = [el.get(a) for el in root.iter() for a in ID_ATTRIBUTES if el.get(a) is not None]
    problems = [
        f"{path.name}: id {i} defined twice" for i in sorted({i for i in defined if defined.count(i) > 1})
    ]
    for el in root.iter():
        for attribute, value in el.attrib.items():
            if attribute in POINTERS and value not in defined:
                problems.append(f"{path.name}: <{el.tag} {attribute}={value!r}> points at nothing")
    return problems


def test_every_tagged_file_of_the_training_corpus_is_valid_timeml(tmp_path: Path) -> None:
    corpus = shared_path("corpora", "tempeval3", "train")
    folders = sorted({p.parent for p in corpus.rglob("*.tml")})
    written = []
    for folder in folders:
        out = tmp_path / folder.name
        subprocess.run(
            [sys.executable, "-m", "flows.cli", "timeml", str(folder), str(out)],
            check=True,
            cwd=ROOT,
            capture_output=True,
        )
        written += sorted(out.glob("*.tml"))
    inputs = list(corpus.rglob("*.tml"))
    assert len(written) == len(inputs) > 200
    # the inputs do have instances and links: what is checked here is that none is left dangling
    assert sum(p.read_text(encoding="utf-8").count("<TLINK") for p in inputs) > 1000
    problems = [problem for path in written for problem in broken_references(path)]
    assert problems == []
    assert all(ET.parse(p).getroot().find("TEXT").find("TIMEX3") is not None for p in written[:20])


def test_a_link_between_times_that_are_still_there_is_kept() -> None:
    doc = (
        '<TimeML><DCT><TIMEX3 tid="t0" type="DATE" value="1998-01-08">x</TIMEX3></DCT>'
        '<TEXT><TIMEX3 tid="t0" type="DATE" value="1998">y</TIMEX3></TEXT>\n'
        '<TLINK lid="l1" relType="SIMULTANEOUS" timeID="t0" relatedToTime="t0"/>\n'
        '<TLINK lid="l2" relType="BEFORE" timeID="t0" relatedToTime="t9"/>\n'
        '<SLINK lid="l3" relType="MODAL" eventInstanceID="ei1" subordinatedEventInstance="ei2"/>\n'
        "</TimeML>"
    )
    out = without_dangling_links(doc)
    assert 'lid="l1"' in out and 'lid="l2"' not in out and "SLINK" not in out
    # our TIMEX3 no longer shares the creation time's id
    assert '<TEXT><TIMEX3 tid="t1"' in out
