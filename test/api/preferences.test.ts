import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { SERVER_BACKENDS } from '../support/backends.ts';
import { useApiFixture } from '../support/server.ts';

for (const backend of SERVER_BACKENDS) {
  describe(`console preferences on ${backend.name}`, () => {
    const f = useApiFixture(backend);

    test("a person's console language is kept for them, not for the browser nor for anyone else; only a language the console has is taken", async () => {
      assert.equal((await f.call('analyst', 'GET', '/v1/me')).json().locale, null, 'nothing chosen yet');
      const chosen = await f.call('analyst', 'PUT', '/v1/me/preferences', { locale: 'zh-CN' });
      assert.equal(chosen.statusCode, 200, chosen.body);
      assert.deepEqual(chosen.json(), { locale: 'zh-CN' });
      assert.equal((await f.call('analyst', 'GET', '/v1/me')).json().locale, 'zh-CN');
      assert.equal((await f.call('auditor', 'GET', '/v1/me')).json().locale, null, "another person's choice is theirs");

      const unknown = await f.call('analyst', 'PUT', '/v1/me/preferences', { locale: 'fr' });
      assert.equal(unknown.statusCode, 400);
      assert.match(unknown.json().error.message, /locale/);
      assert.equal((await f.call('analyst', 'GET', '/v1/me')).json().locale, 'zh-CN', 'a refused change changes nothing');

      assert.deepEqual((await f.call('analyst', 'PUT', '/v1/me/preferences', { locale: null })).json(), { locale: null });
      assert.equal((await f.call('analyst', 'GET', '/v1/me')).json().locale, null, 'back to the browser language');
    });
  });
}
