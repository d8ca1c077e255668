/// <reference types="vite/client" />
import { render } from 'preact';
import '../../components/theme.css';
import '../../components/options.css';
import { OptionsPage } from '../../components/OptionsPage';
import { loadActiveDataset } from '../../extension/active-dataset';

const root = document.getElementById('root');
if (root)
  void loadActiveDataset().then((active) =>
    render(<OptionsPage entities={active.dataset.entities} />, root),
  );
