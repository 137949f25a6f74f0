global using SegGanLab.Imaging;
global using Xunit;
