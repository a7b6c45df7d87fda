// Usage: node check.mjs FILE — exits 0 and prints "valid OpenAPI X" when the document validates, 1 with the errors otherwise.
import SwaggerParser from '@apidevtools/swagger-parser';

const file = process.argv[2];
try {
  const api = await SwaggerParser.validate(file);
  console.log(`valid OpenAPI ${api.openapi}: ${Object.keys(api.paths ?? {}).length} paths`);
} catch (error) {
  console.error(error.message);
  if (error.details) console.error(JSON.stringify(error.details, null, 2).slice(0, 20000));
  process.exit(1);
}
