/**
 * training/webapp: the Docker tutorial's Flask app on Ubuntu 14.04 with Python 2.7 — /opt/webapp
 * holds app.py, WORKDIR /opt/webapp, CMD ["python", "app.py"], EXPOSE 5000. The server is
 * programs/webapp.ts.
 */
import type { ImageSpec } from './types';
import { pseudoDigest } from './digest';
import { DEBIAN_PATH, debianFiles, debianPrograms } from './base';

const APP_PY = `import os
from flask import Flask

app = Flask(__name__)

@app.route('/')
def hello():
    provider = str(os.environ.get('PROVIDER', 'world'))
    return 'Hello '+provider+'!'

if __name__ == '__main__':
    # Bind to PORT if defined, otherwise default to 5000.
    port = int(os.environ.get('PORT', 5000))
    app.run(host='0.0.0.0', port=port)
`;

export const webapp: ImageSpec = {
  repository: 'docker.io/training/webapp',
  tags: { latest: { digest: pseudoDigest('training/webapp:latest'), size: 137_409_326, pullMs: 8200 } },
  cmd: ['python', 'app.py'],
  env: { PATH: DEBIAN_PATH },
  workingDir: '/opt/webapp',
  files: debianFiles('NAME="Ubuntu"\nVERSION="14.04 LTS, Trusty Tahr"\nID=ubuntu\nID_LIKE=debian\nPRETTY_NAME="Ubuntu 14.04 LTS"\nVERSION_ID="14.04"\n', {
    '/opt/webapp/app.py': APP_PY,
    '/opt/webapp/Procfile': 'web: python app.py\n',
    '/opt/webapp/requirements.txt': 'Flask\n',
  }),
  programs: debianPrograms({ '/usr/bin/python': 'webapp-python', '/usr/bin/python2.7': 'webapp-python' }),
  prompt: 'root@HOSTNAME:/opt/webapp# ',
};
