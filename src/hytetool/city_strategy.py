"""The city strategy as reference: which objective belongs to which strategic goal.

Many sector tables print the objectives of the city strategy but not the strategic goal
they serve (the caption is on another page, or nowhere). The strategy file
(the profile hyte-profile.yaml, edited by the analyst for their municipality) lists
the goals and their objectives; the extractor uses it to recognise objective cells
and to name the goal of a table whose caption is missing.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from hytetool.similarity import OBJECTIVE_MIN, normalise, prefix_score


@dataclass
class StrategyGoal:
    name: str
    objectives: list[str] = field(default_factory=list)


@dataclass
class ObjectiveMatch:
    goal: str
    objective: str
    score: float


@dataclass
class Strategy:
    goals: list[StrategyGoal] = field(default_factory=list)
    # match() results by text, valid for the goals they were computed from: the builder
    # asks again for every objective it has seen (a profile of 1,000 pages showed
    # thousands of repeated fuzzy comparisons).
    _memo: dict[str, ObjectiveMatch | None] = field(default_factory=dict, repr=False, compare=False)
    _memo_goals: tuple = field(default=(), repr=False, compare=False)

    def match(self, text: str) -> ObjectiveMatch | None:
        """The strategy objective this cell text starts with, if any."""
        goals = tuple((goal.name, tuple(goal.objectives)) for goal in self.goals)
        if goals != self._memo_goals:  # the goals were edited since: start afresh
            self._memo, self._memo_goals = {}, goals
        if text not in self._memo:
            self._memo[text] = self._match(text)
        return self._memo[text]

    def _match(self, text: str) -> ObjectiveMatch | None:
        plain = normalise(text)
        best: ObjectiveMatch | None = None
        for goal in self.goals:
            for objective in goal.objectives:
                score = prefix_score(plain, normalise(objective))
                if score >= OBJECTIVE_MIN and (best is None or score > best.score):
                    best = ObjectiveMatch(goal.name, objective, score)
        return best

    def goal_named(self, text: str) -> str | None:
        """The goal whose name the text is, written in any case ("Hyvinvoivat kuntalaiset")."""
        plain = normalise(text)
        return next((goal.name for goal in self.goals if normalise(goal.name) == plain), None)

    def goal_of(self, texts: list[str]) -> str | None:
        """The goal most of these objective texts belong to (ties: first listed goal)."""
        votes: dict[str, int] = {}
        for text in texts:
            if match := self.match(text):
                votes[match.goal] = votes.get(match.goal, 0) + 1
        if not votes:
            return None
        order = [g.name for g in self.goals]
        return max(votes, key=lambda name: (votes[name], -order.index(name)))

