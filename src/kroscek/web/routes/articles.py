"""Articles: the list (``GET /api/v1/articles``), one article (``GET /api/v1/articles/{id}``, its
page ``/articles/{id}``) and its removal (``DELETE``, with the write token; the stories regroup)."""

from __future__ import annotations

from fastapi import APIRouter
from fastapi.responses import HTMLResponse

from kroscek.web import schemas
from kroscek.web.deps import READ, WRITE, JobsDep, Paged, PagesDep, StoreDep, missing
from kroscek.web.views import ShownArticle, article_view

router = APIRouter()

@router.get("/api/v1/articles", dependencies=READ, response_model=schemas.ArticlePage)
def api_articles(store: StoreDep, paging: Paged) -> schemas.ArticlePage:
    ids = store.article_ids(offset=paging.offset, limit=paging.size)
    items = [schemas.ArticleListItem.model_validate(ShownArticle.of(a), from_attributes=True) for a in store.articles(ids)]
    return schemas.ArticlePage(total=store.count_articles(), page=paging.page, size=paging.size, items=items)


@router.get("/api/v1/articles/{article_id}", dependencies=READ, response_model=schemas.ArticleDetail)
def api_article(store: StoreDep, article_id: str) -> schemas.ArticleDetail:
    view = article_view(store, article_id) or missing("article", article_id)
    return schemas.ArticleDetail.model_validate(view.to_dict())


@router.delete("/api/v1/articles/{article_id}", dependencies=WRITE, response_model=schemas.Deleted)
def api_delete_article(store: StoreDep, jobs: JobsDep, article_id: str) -> schemas.Deleted:
    if not store.delete_article(article_id):
        missing("article", article_id)
    jobs.regroup()
    return schemas.Deleted(deleted=article_id)


@router.get("/articles/{article_id}", response_class=HTMLResponse, dependencies=READ, include_in_schema=False)
def article_page(store: StoreDep, pages: PagesDep, article_id: str) -> HTMLResponse:
    return pages.page("article.html", view=article_view(store, article_id) or missing("article", article_id))
