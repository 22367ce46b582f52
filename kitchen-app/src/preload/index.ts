import { contextBridge, ipcRenderer } from 'electron';
import { createApi } from './api.ts';

// Sandboxed preload: the renderer gets this typed API and nothing else.
contextBridge.exposeInMainWorld('api', createApi((channel, arg) => ipcRenderer.invoke(channel, arg)));
