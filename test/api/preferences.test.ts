import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { currencyFromEnv } from '../../src/services/index.ts';
import { SERVER_BACKENDS } from '../support/backends.ts';
import { useApiFixture } from '../support/server.ts';

for (const backend of SERVER_BACKENDS) {
  describe(`console preferences on ${backend.name}`, () => {
    const f = useApiFixture(backend);

    test("a person's console language is kept for them, not for the browser nor for anyone else; only a language the console has is taken", async () => {
      const me = (await f.call('analyst', 'GET', '/v1/me')).json();
      assert.equal(me.locale, null, 'nothing chosen yet');
      assert.equal(me.currency, 'CNY', 'amounts are in yuan unless ARBITER_CURRENCY says otherwise');
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

test('ARBITER_CURRENCY takes an ISO 4217 code; anything else is refused at start, naming what it wants', () => {
  assert.equal(currencyFromEnv({}), 'CNY');
  assert.equal(currencyFromEnv({ ARBITER_CURRENCY: 'USD' }), 'USD');
  assert.throws(() => currencyFromEnv({ ARBITER_CURRENCY: 'RMB' }), /ARBITER_CURRENCY must be an ISO 4217 currency code such as CNY, USD or EUR, got "RMB"/);
});
