"""Django's test client through the site's front door, for the tests and the benchmarks: requests
go in as portal.wsgi takes them, so a cached page is answered before Django, as in production
(portal.pagecache.FrontDoor)."""

from django.core.handlers.wsgi import WSGIRequest
from django.http import HttpResponse
from django.http.response import HttpResponseBase
from django.test import Client
from django.test.client import ClientHandler

from portal.pagecache import FrontDoor


class FrontDoorHandler(ClientHandler):
    def __call__(self, environ):
        answer = {}

        def start_response(status, headers, exc_info=None):
            answer.update(status=status, headers=headers)

        result = FrontDoor(self.as_wsgi)(environ, start_response)
        if isinstance(result, HttpResponseBase):
            return result  # Django's own answer, with the templates and context tests read
        response = HttpResponse(b"".join(result), status=int(answer["status"].split()[0]))
        for name, value in answer["headers"]:
            response[name] = value
        response.wsgi_request = WSGIRequest(environ)
        return response

    def as_wsgi(self, environ, start_response):
        """The test handler as a WSGI application, with the headers Django's WSGIHandler sends."""
        response = super().__call__(environ)
        # ClientHandler has closed the response, as a WSGI server would, keeping the test's
        # database connection (and its transaction) open; the front door, which closes a page it
        # stores, must not close it again: that request_finished would close the connection.
        response.close = lambda: None
        cookies = [("Set-Cookie", cookie.output(header="")) for cookie in response.cookies.values()]
        start_response(f"{response.status_code} {response.reason_phrase}", [*response.items(), *cookies])
        return response


class FrontDoorClient(Client):
    def __init__(self, enforce_csrf_checks=False, **defaults):
        super().__init__(enforce_csrf_checks, **defaults)
        self.handler = FrontDoorHandler(enforce_csrf_checks)
