"""The API documentation works without internet: Swagger UI comes from the package's own static files."""

from __future__ import annotations

from urllib.parse import urlsplit

from playwright.sync_api import expect


def test_api_docs_render_offline_from_our_own_static_files(page, live_server):
    ours = urlsplit(live_server.url).netloc
    elsewhere: list[str] = []

    def only_ours(route):
        if urlsplit(route.request.url).netloc == ours:
            route.continue_()
        else:  # what a machine without internet would get
            elsewhere.append(route.request.url)
            route.abort()

    page.route("**/*", only_ours)
    page.goto("/api/docs")
    expect(page.locator(".swagger-ui .info .title")).to_contain_text("Kenes API")
    expect(page.locator(".opblock-summary-path").first).to_be_visible()
    assert elsewhere == []
