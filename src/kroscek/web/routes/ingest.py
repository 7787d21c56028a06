"""Ingest: an upload of article files or pasted text (``POST /api/v1/ingest``, with the write
token), the background job that ingests, groups and cross-checks it (``GET /api/v1/jobs/{id}``),
and the ingest page (``/ingest``)."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from kroscek.web import schemas
from kroscek.web.deps import READ, WRITE, JobsDep, PagesDep, SettingsDep, StoreDep, missing
from kroscek.web.uploads import receive_files

router = APIRouter()

UPLOAD_BODY = {"required": True, "content": {"multipart/form-data": {"schema": {
    "type": "object",
    "properties": {
        "files": {"type": "array", "items": {"type": "string", "format": "binary"}},
        "text": {"type": "string", "description": "pasted article text (instead of or beside files)"},
        "columns": {"type": "string", "example": "text=isi_berita,title=judul,published=tanggal",
                    "description": "CSV columns / JSON keys of the fields, as the CLI's --columns"},
        "title": {"type": "string", "description": "the pasted text's title"},
        "outlet": {"type": "string", "description": "outlet of the pasted text and plain-text files"},
        "published": {"type": "string", "format": "date", "description": "their publication date"},
    }}}}}


# The body is no parameter of the route: ``receive_files`` reads it, after the WRITE guard passed.
@router.post("/api/v1/ingest", status_code=202, dependencies=WRITE, response_model=schemas.Job,
             openapi_extra={"requestBody": UPLOAD_BODY},
             responses={413: {"model": schemas.ApiError, "description": "a file or the upload too large"}})
async def api_ingest(request: Request, settings: SettingsDep, jobs: JobsDep) -> schemas.Job:
    """Upload article files (multipart field ``files``) or pasted text (``text``), with an optional
    column mapping and the pasted text's title, outlet and date; they are ingested, grouped and
    cross-checked in the background. The token is checked before the body is read; the files
    stream to disk within a per-file, per-request and file-count limit (413 beyond)."""
    upload = await receive_files(request, settings.max_upload_bytes, settings.max_request_bytes, settings.max_files)
    return jobs.submit(upload.folder, upload.files, upload.fields)


@router.get("/api/v1/jobs/{job_id}", dependencies=READ, response_model=schemas.Job)
def api_job(jobs: JobsDep, job_id: str) -> schemas.Job:
    return jobs.status(job_id) or missing("job", job_id)


@router.get("/ingest", response_class=HTMLResponse, dependencies=READ, include_in_schema=False)
def ingest_page(store: StoreDep, settings: SettingsDep, pages: PagesDep) -> HTMLResponse:
    return pages.page("ingest.html", feeds=store.feeds(), max_mb=settings.max_upload_bytes // 2**20)
