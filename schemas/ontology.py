"""The event ontology: what kinds of things happen on a timeline.

Trigger words per language live in `transforms/resources/<lang>/triggers.json`; this tuple is
the set those lexicons, the validation suite and the BI views agree on.
"""

EVENT_TYPES = (
    "MEETING",
    "STATEMENT",
    "AGREEMENT",
    "NEGOTIATION",
    "POLICE_OPERATION",
    "ARREST",
    "SEIZURE",
    "PROSECUTION",
    "FUNDING",
    "POLICY_CHANGE",
    "CROSSING_STATISTIC",
    "DEATH_OR_INCIDENT",
    "DEPORTATION_OR_RETURN",
    "ELECTION_OR_APPOINTMENT",
    "PUBLICATION",
    "OTHER",
)
