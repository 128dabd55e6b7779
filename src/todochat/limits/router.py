"""``GET /api/usage``: this month's turns and tokens for the current user."""

from __future__ import annotations

from fastapi import APIRouter
from pydantic import BaseModel

from todochat.api.deps import CurrentUser, RuntimeDep

router = APIRouter(prefix="/api", tags=["usage"])


class UsageOut(BaseModel):
    """Turns used this month, the limit, and when it resets (ISO 8601, UTC)."""

    current_usage: int
    monthly_limit: int
    remaining_quota: int
    reset_date: str
    input_tokens: int
    output_tokens: int


@router.get("/usage", response_model=UsageOut)
async def get_usage(user: CurrentUser, runtime: RuntimeDep) -> UsageOut:
    """The current user's usage of the monthly quota."""
    return UsageOut(**await runtime.limits.quota.usage(user.id))
